// Listed by `pnpm migration:create`; the order is the order they run in.
import { Migration20261123140920 } from './Migration20261123140920.js';
import { Migration20261206094211 } from './Migration20261206094211.js';
import { Migration20261206094357 } from './Migration20261206094357.js';
import { Migration20261206102039 } from './Migration20261206102039.js';
import { Migration20261206130000 } from './Migration20261206130000.js';
import { Migration20261206173441 } from './Migration20261206173441.js';
import { Migration20261207010435 } from './Migration20261207010435.js';
import { Migration20261207010657 } from './Migration20261207010657.js';
import { Migration20261207014525 } from './Migration20261207014525.js';
import { Migration20261207043433 } from './Migration20261207043433.js';
import { Migration20261207045704 } from './Migration20261207045704.js';
import { Migration20261207222357 } from './Migration20261207222357.js';
import { Migration20261208010802 } from './Migration20261208010802.js';

export const migrations = [
  { name: 'Migration20261123140920', class: Migration20261123140920 },
  { name: 'Migration20261206094211', class: Migration20261206094211 },
  { name: 'Migration20261206094357', class: Migration20261206094357 },
  { name: 'Migration20261206102039', class: Migration20261206102039 },
  { name: 'Migration20261206130000', class: Migration20261206130000 },
  { name: 'Migration20261206173441', class: Migration20261206173441 },
  { name: 'Migration20261207010435', class: Migration20261207010435 },
  { name: 'Migration20261207010657', class: Migration20261207010657 },
  { name: 'Migration20261207014525', class: Migration20261207014525 },
  { name: 'Migration20261207043433', class: Migration20261207043433 },
  { name: 'Migration20261207045704', class: Migration20261207045704 },
  { name: 'Migration20261207222357', class: Migration20261207222357 },
  { name: 'Migration20261208010802', class: Migration20261208010802 },
];
