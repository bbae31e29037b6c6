import { EmployerApp } from '../app/EmployerApp';

export default EmployerApp;
