// Listed by `pnpm migration:create`; the order is the order they run in.
import { Migration20261123140036 } from './Migration20261123140036.js';
import { Migration20261123151206 } from './Migration20261123151206.js';
import { Migration20261123162521 } from './Migration20261123162521.js';
import { Migration20261206063331 } from './Migration20261206063331.js';
import { Migration20261206063704 } from './Migration20261206063704.js';
import { Migration20261206075051 } from './Migration20261206075051.js';
import { Migration20261206163000 } from './Migration20261206163000.js';
import { Migration20261206173553 } from './Migration20261206173553.js';
import { Migration20261206222610 } from './Migration20261206222610.js';
import { Migration20261206222812 } from './Migration20261206222812.js';
import { Migration20261207010500 } from './Migration20261207010500.js';
import { Migration20261207011651 } from './Migration20261207011651.js';
import { Migration20261207042617 } from './Migration20261207042617.js';
import { Migration20261207075229 } from './Migration20261207075229.js';
import { Migration20261207083612 } from './Migration20261207083612.js';
import { Migration20261207085602 } from './Migration20261207085602.js';
import { Migration20261207104013 } from './Migration20261207104013.js';
import { Migration20261207120406 } from './Migration20261207120406.js';
import { Migration20261207151710 } from './Migration20261207151710.js';
import { Migration20261207221142 } from './Migration20261207221142.js';
import { Migration20261208010807 } from './Migration20261208010807.js';
import { Migration20261208012149 } from './Migration20261208012149.js';

export const migrations = [
  { name: 'Migration20261123140036', class: Migration20261123140036 },
  { name: 'Migration20261123151206', class: Migration20261123151206 },
  { name: 'Migration20261123162521', class: Migration20261123162521 },
  { name: 'Migration20261206063331', class: Migration20261206063331 },
  { name: 'Migration20261206063704', class: Migration20261206063704 },
  { name: 'Migration20261206075051', class: Migration20261206075051 },
  { name: 'Migration20261206163000', class: Migration20261206163000 },
  { name: 'Migration20261206173553', class: Migration20261206173553 },
  { name: 'Migration20261206222610', class: Migration20261206222610 },
  { name: 'Migration20261206222812', class: Migration20261206222812 },
  { name: 'Migration20261207010500', class: Migration20261207010500 },
  { name: 'Migration20261207011651', class: Migration20261207011651 },
  { name: 'Migration20261207042617', class: Migration20261207042617 },
  { name: 'Migration20261207075229', class: Migration20261207075229 },
  { name: 'Migration20261207083612', class: Migration20261207083612 },
  { name: 'Migration20261207085602', class: Migration20261207085602 },
  { name: 'Migration20261207104013', class: Migration20261207104013 },
  { name: 'Migration20261207120406', class: Migration20261207120406 },
  { name: 'Migration20261207151710', class: Migration20261207151710 },
  { name: 'Migration20261207221142', class: Migration20261207221142 },
  { name: 'Migration20261208010807', class: Migration20261208010807 },
  { name: 'Migration20261208012149', class: Migration20261208012149 },
];
