import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { IsString } from 'class-validator';
import { createValidationPipe, hasAtMostDecimals, inputProblems, MAX_INPUT_DEPTH } from './validation';

class NameDto {
  @IsString() name: string;
}

describe('inputProblems', () => {
  it('accepts ordinary bodies, accents and emoji included', () => {
    expect(inputProblems({ name: 'Collège Boréal 😀', tags: ['a', { b: 1 }], n: null })).toEqual([]);
  });

  it('refuses NUL characters and lone surrogates, in values and in keys, naming where', () => {
    expect(inputProblems({ a: { b: ['ok', 'x\u0000y'] } })).toEqual([
      { field: 'a.b.1', reason: 'must not contain NUL characters' },
    ]);
    expect(inputProblems({ email: 'lone\udc00@example.org' })[0]).toMatchObject({ field: 'email' });
    expect(inputProblems({ ok: '\ud83d\ude00', bad: '\ud800' })[0].field).toBe('bad');
    expect(inputProblems({ narratives: { 'key\u0000': 'x' } })[0]).toMatchObject({ field: 'narratives.key\u0000' });
  });

  it('refuses nesting deeper than the limit, naming the top-level field, without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputProblems({ name: deep })).toEqual([
      { field: 'name', reason: `is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)` },
    ]);
    let fine: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) fine = { a: fine };
    expect(inputProblems(fine)).toEqual([]);
  });
});

describe('the validation pipe', () => {
  const body: ArgumentMetadata = { type: 'body', metatype: NameDto };
  it('answers 400 naming the field before class-transformer sees a too deep value', async () => {
    let deep: unknown = [];
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const error = await createValidationPipe()
      .transform({ name: deep }, body)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'name' }],
    });
  });

  it('leaves path parameters and the acting user alone', async () => {
    const pipe = createValidationPipe();
    expect(await pipe.transform('x\u0000', { type: 'param', metatype: String, data: 'id' })).toBe('x\u0000');
  });
});

describe('hasAtMostDecimals', () => {
  it('counts the decimals of numbers JavaScript writes with an exponent', () => {
    expect(hasAtMostDecimals(12.5, 2)).toBe(true);
    expect(hasAtMostDecimals(12.345, 2)).toBe(false);
    expect(hasAtMostDecimals(5e-324, 2)).toBe(false);
    expect(hasAtMostDecimals(1e-7, 3)).toBe(false);
    expect(hasAtMostDecimals(1.5e-2, 3)).toBe(true);
    expect(hasAtMostDecimals(1e21, 0)).toBe(true);
    expect(hasAtMostDecimals(NaN, 2)).toBe(false);
    expect(hasAtMostDecimals('1.5', 2)).toBe(false);
  });
});
