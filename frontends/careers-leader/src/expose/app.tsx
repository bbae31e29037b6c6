import { CareersLeaderApp } from '../app/CareersLeaderApp';

export default CareersLeaderApp;
