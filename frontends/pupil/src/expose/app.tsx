// The portal's own stylesheet travels with it, so a redeployed portal brings its styles to any shell.
import '../app/pupil.css';
import { PupilApp } from '../app/PupilApp';

export default PupilApp;
