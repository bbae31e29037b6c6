import { PupilApp } from '../app/PupilApp';

export default PupilApp;
