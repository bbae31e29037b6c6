// Listed by `pnpm migration:create`; the order is the order they run in.
import { Migration20261123140743 } from './Migration20261123140743.js';
import { Migration20261123161906 } from './Migration20261123161906.js';
import { Migration20261206073252 } from './Migration20261206073252.js';
import { Migration20261206093915 } from './Migration20261206093915.js';
import { Migration20261206100055 } from './Migration20261206100055.js';
import { Migration20261206105048 } from './Migration20261206105048.js';
import { Migration20261206131750 } from './Migration20261206131750.js';
import { Migration20261206133843 } from './Migration20261206133843.js';
import { Migration20261206173527 } from './Migration20261206173527.js';
import { Migration20261206191534 } from './Migration20261206191534.js';
import { Migration20261206221052 } from './Migration20261206221052.js';
import { Migration20261206222720 } from './Migration20261206222720.js';
import { Migration20261206224514 } from './Migration20261206224514.js';
import { Migration20261207001114 } from './Migration20261207001114.js';
import { Migration20261207010511 } from './Migration20261207010511.js';
import { Migration20261207010558 } from './Migration20261207010558.js';
import { Migration20261207010838 } from './Migration20261207010838.js';
import { Migration20261207013554 } from './Migration20261207013554.js';
import { Migration20261207020533 } from './Migration20261207020533.js';
import { Migration20261207050543 } from './Migration20261207050543.js';
import { Migration20261207075109 } from './Migration20261207075109.js';
import { Migration20261207080547 } from './Migration20261207080547.js';

export const migrations = [
  { name: 'Migration20261123140743', class: Migration20261123140743 },
  { name: 'Migration20261123161906', class: Migration20261123161906 },
  { name: 'Migration20261206073252', class: Migration20261206073252 },
  { name: 'Migration20261206093915', class: Migration20261206093915 },
  { name: 'Migration20261206100055', class: Migration20261206100055 },
  { name: 'Migration20261206105048', class: Migration20261206105048 },
  { name: 'Migration20261206131750', class: Migration20261206131750 },
  { name: 'Migration20261206133843', class: Migration20261206133843 },
  { name: 'Migration20261206173527', class: Migration20261206173527 },
  { name: 'Migration20261206191534', class: Migration20261206191534 },
  { name: 'Migration20261206221052', class: Migration20261206221052 },
  { name: 'Migration20261206222720', class: Migration20261206222720 },
  { name: 'Migration20261206224514', class: Migration20261206224514 },
  { name: 'Migration20261207001114', class: Migration20261207001114 },
  { name: 'Migration20261207010511', class: Migration20261207010511 },
  { name: 'Migration20261207010558', class: Migration20261207010558 },
  { name: 'Migration20261207010838', class: Migration20261207010838 },
  { name: 'Migration20261207013554', class: Migration20261207013554 },
  { name: 'Migration20261207020533', class: Migration20261207020533 },
  { name: 'Migration20261207050543', class: Migration20261207050543 },
  { name: 'Migration20261207075109', class: Migration20261207075109 },
  { name: 'Migration20261207080547', class: Migration20261207080547 },
];
