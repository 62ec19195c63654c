export * from './access';
export * from './domain-error';
export * from './http-exception.filter';
export * from './list-query';
export * from './validation';
export * from './zoned-time';
export * from './clock';
export * from './received-at';
