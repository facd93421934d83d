// The single adapter to the Lime platform: the only folder that knows the platform API.
export * as Services from './services';
export * from './services';
export * from './types';
export * from './platform';
export * from './commands';
export * from './subscribe';
export * from './translate';
export * from './limetypes';
export * from './language';
export * from './navigation';
export * from './crm-transport';
