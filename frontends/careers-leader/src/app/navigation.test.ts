import { describe, expect, it } from 'vitest';
import { navItems } from './navigation';

describe('navItems', () => {
  it('gives careers leaders importing and school settings', () => {
    expect(navItems(['careers_leader']).map((item) => item.id)).toEqual(['overview', 'pupils', 'encounters', 'record', 'import', 'settings']);
  });

  it('lets school staff import but not change school settings', () => {
    expect(navItems(['staff']).map((item) => item.id)).toEqual(['overview', 'pupils', 'encounters', 'record', 'import']);
  });

  it('gives careers advisers neither', () => {
    expect(navItems(['careers_adviser']).map((item) => item.id)).toEqual(['overview', 'pupils', 'encounters', 'record']);
  });
});
