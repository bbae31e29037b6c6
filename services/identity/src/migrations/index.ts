// Listed by `pnpm migration:create`; the order is the order they run in.
import { Migration20261123140638 } from './Migration20261123140638.js';
import { Migration20261123144800 } from './Migration20261123144800.js';
import { Migration20261206064305 } from './Migration20261206064305.js';
import { Migration20261206070733 } from './Migration20261206070733.js';
import { Migration20261206074756 } from './Migration20261206074756.js';
import { Migration20261206093755 } from './Migration20261206093755.js';
import { Migration20261206101410 } from './Migration20261206101410.js';
import { Migration20261206124946 } from './Migration20261206124946.js';
import { Migration20261206160712 } from './Migration20261206160712.js';
import { Migration20261206173618 } from './Migration20261206173618.js';
import { Migration20261206191620 } from './Migration20261206191620.js';
import { Migration20261206225509 } from './Migration20261206225509.js';
import { Migration20261207010627 } from './Migration20261207010627.js';
import { Migration20261207010826 } from './Migration20261207010826.js';
import { Migration20261207021126 } from './Migration20261207021126.js';
import { Migration20261207043331 } from './Migration20261207043331.js';
import { Migration20261207045307 } from './Migration20261207045307.js';
import { Migration20261207105209 } from './Migration20261207105209.js';
import { Migration20261207200447 } from './Migration20261207200447.js';

export const migrations = [
  { name: 'Migration20261123140638', class: Migration20261123140638 },
  { name: 'Migration20261123144800', class: Migration20261123144800 },
  { name: 'Migration20261206064305', class: Migration20261206064305 },
  { name: 'Migration20261206070733', class: Migration20261206070733 },
  { name: 'Migration20261206074756', class: Migration20261206074756 },
  { name: 'Migration20261206093755', class: Migration20261206093755 },
  { name: 'Migration20261206101410', class: Migration20261206101410 },
  { name: 'Migration20261206124946', class: Migration20261206124946 },
  { name: 'Migration20261206160712', class: Migration20261206160712 },
  { name: 'Migration20261206173618', class: Migration20261206173618 },
  { name: 'Migration20261206191620', class: Migration20261206191620 },
  { name: 'Migration20261206225509', class: Migration20261206225509 },
  { name: 'Migration20261207010627', class: Migration20261207010627 },
  { name: 'Migration20261207010826', class: Migration20261207010826 },
  { name: 'Migration20261207021126', class: Migration20261207021126 },
  { name: 'Migration20261207043331', class: Migration20261207043331 },
  { name: 'Migration20261207045307', class: Migration20261207045307 },
  { name: 'Migration20261207105209', class: Migration20261207105209 },
  { name: 'Migration20261207200447', class: Migration20261207200447 },
];
