import { remoteViteConfig } from '@waymark/config/vite-remote';

export default remoteViteConfig({ name: 'pupil', devPort: 5174 });
