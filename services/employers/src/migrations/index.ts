// Listed by `pnpm migration:create`; the order is the order they run in.
import { Migration20261123140549 } from './Migration20261123140549.js';
import { Migration20261206093656 } from './Migration20261206093656.js';
import { Migration20261206094601 } from './Migration20261206094601.js';
import { Migration20261206101428 } from './Migration20261206101428.js';
import { Migration20261206134814 } from './Migration20261206134814.js';
import { Migration20261206173503 } from './Migration20261206173503.js';
import { Migration20261206221411 } from './Migration20261206221411.js';
import { Migration20261206224355 } from './Migration20261206224355.js';
import { Migration20261207010339 } from './Migration20261207010339.js';
import { Migration20261207042441 } from './Migration20261207042441.js';
import { Migration20261207104937 } from './Migration20261207104937.js';
import { Migration20261207144352 } from './Migration20261207144352.js';

export const migrations = [
  { name: 'Migration20261123140549', class: Migration20261123140549 },
  { name: 'Migration20261206093656', class: Migration20261206093656 },
  { name: 'Migration20261206094601', class: Migration20261206094601 },
  { name: 'Migration20261206101428', class: Migration20261206101428 },
  { name: 'Migration20261206134814', class: Migration20261206134814 },
  { name: 'Migration20261206173503', class: Migration20261206173503 },
  { name: 'Migration20261206221411', class: Migration20261206221411 },
  { name: 'Migration20261206224355', class: Migration20261206224355 },
  { name: 'Migration20261207010339', class: Migration20261207010339 },
  { name: 'Migration20261207042441', class: Migration20261207042441 },
  { name: 'Migration20261207104937', class: Migration20261207104937 },
  { name: 'Migration20261207144352', class: Migration20261207144352 },
];
