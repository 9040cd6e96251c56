export { permissionModuleMlPolicy as default } from './module';
