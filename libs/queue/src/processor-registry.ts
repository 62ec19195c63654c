import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JOB_PROCESSOR, JobHandler } from './job-queue';

/** Finds every @JobProcessor provider of the application. */
@Injectable()
export class ProcessorRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const name = this.reflector.get<string | undefined>(JOB_PROCESSOR, metatype);
      if (!name) continue;
      if (this.handlers.has(name)) throw new Error(`Two processors for job ${name}`);
      this.handlers.set(name, instance as JobHandler);
    }
  }

  get(name: string): JobHandler | undefined {
    return this.handlers.get(name);
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }
}
