// The portal's own stylesheet travels with it, so a redeployed portal brings its styles to any shell.
import '../app/careers-leader.css';
import { CareersLeaderApp } from '../app/CareersLeaderApp';

export default CareersLeaderApp;
