import { ScenariosService } from '@cf/awards';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { demoActor } from './demo-actor';

/**
 * What-if scenarios on the 2021 fund, through the scenarios service (snapshot, audit, the solving job): the optimizer,
 * the ranking order, a cut-line, and a variant with a northern minimum and partial funding, ready to compare. Runs once.
 */
@Injectable()
export class DemoScenariosSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scenarios: ScenariosService,
  ) {}

  async seed(fundCode: string): Promise<void> {
    const [fund] = await this.dataSource.query(`SELECT id FROM funds WHERE code = $1`, [fundCode]);
    if (!fund) return;
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM award_scenarios WHERE fund_id = $1`, [fund.id]);
    if (n > 0) return;
    const officer = await demoActor(this.dataSource, 'officer@example.org');
    const plan = [
      { name: 'Best merit (optimizer)', params: {} },
      { name: 'Down the ranking', params: { method: 'greedy' as const } },
      { name: 'Cut-line 70', params: { cutLine: 70 } },
      {
        name: 'Northern 20% minimum, partial funding',
        params: { minShareByRegion: { northern: 0.2 }, partial: { minPercent: 50, step: 10 } },
      },
    ];
    for (const s of plan) await this.scenarios.create(officer, { fundId: fund.id, ...s });
  }
}
