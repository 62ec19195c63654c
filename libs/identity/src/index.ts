export * from './identity.module';
export * from './users/user.entity';
export * from './users/users.service';
export * from './auth/password-hasher';
export * from './auth/login-throttle.service';
export * from './dto/user.dto';
