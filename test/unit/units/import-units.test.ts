import { describe, expect, it } from 'vitest';
import { importUnits } from '#functions/units/import-units/use-case';
import { MemoryUnitStore } from '../../support/memory-stores';

const deps = () => ({ units: new MemoryUnitStore(), now: () => new Date('2026-11-25T00:00:00Z') });

describe('CSV import of units', () => {
  it('imports good rows and reports each bad row by its line number', async () => {
    const d = deps();
    const csv = [
      '编号,名称,类别,信息员,电话,邮箱',
      'qingzhou,青州市人民政府,县市区,李明,0536-3221234,liming@example.gov.cn',
      'shouguang,"寿光市人民政府,county',
      'fgw,市发展和改革委员会,市直部门,王芳,0536-8781234,wangfang@example.gov.cn',
      'BAD ID,某单位,county,,,',
      'gaomi,高密市人民政府,village,,,',
      'qingzhou,青州市重复,county,,,',
      'anqiu,安丘市人民政府,county,赵强,0536-4221234,not-an-email',
      'zhucheng,诸城市人民政府,county',
      '',
    ].join('\r\n');
    const report = await importUnits(d, csv);
    expect(report.imported).toBe(2);
    expect(report.rejected.map((row) => row.line)).toEqual([3, 5, 6, 7, 8, 9]);
    expect(report.rejected.find((row) => row.line === 7)?.reason).toContain('重复');
    expect(report.rejected.find((row) => row.line === 8)?.reason).toContain('email');
    expect([...d.units.units.keys()].sort()).toEqual(['fgw', 'qingzhou']);
    expect(d.units.units.get('fgw')?.class).toBe('department');
    expect(d.units.units.get('qingzhou')?.contacts).toEqual([
      { name: '李明', phone: '0536-3221234', email: 'liming@example.gov.cn' },
    ]);
  });

  it('reads a GB18030 file saved by Excel and reports units that already exist', async () => {
    const d = deps();
    const first = await importUnits(d, 'id,name,class\nqingzhou,青州市人民政府,county\n');
    expect(first.imported).toBe(1);
    const gbk = Buffer.from([
      // "id,name,class\nqingzhou,青州,county\nlinqu,临朐县人民政府,county\n" in GB18030
      ...Buffer.from('id,name,class\nqingzhou,'),
      0xc7,
      0xe0,
      0xd6,
      0xdd,
      ...Buffer.from(',county\nlinqu,'),
      0xc1,
      0xd9,
      0xeb,
      0xd4,
      0xcf,
      0xd8,
      0xc8,
      0xcb,
      0xc3,
      0xf1,
      0xd5,
      0xfe,
      0xb8,
      0xae,
      ...Buffer.from(',county\n'),
    ]);
    const { decodeText } = await import('#shared/http/request');
    const report = await importUnits(d, decodeText(gbk));
    expect(report.imported).toBe(1);
    expect(report.rejected).toEqual([{ line: 2, id: 'qingzhou', reason: '单位编号“qingzhou”已存在' }]);
    expect(d.units.units.get('linqu')?.name).toBe('临朐县人民政府');
  });

  it('refuses a file without the required header columns', async () => {
    await expect(importUnits(deps(), 'foo,bar\n1,2\n')).rejects.toMatchObject({ code: 'CSV_HEADER_INVALID' });
  });

  it('reads a quoted field holding a comma or a line break as one field, and keeps line numbers', async () => {
    const d = deps();
    const csv = [
      '编号,名称,类别,信息员,电话,邮箱',
      'qingzhou,"青州市人民政府,东城",county,,,',
      'shouguang,"寿光市',
      '人民政府",county,,,',
      'fgw,市发展和改革委员会,市直部门,"王芳",0536-8781234,wangfang@example.gov.cn',
      '',
    ].join('\r\n');
    const report = await importUnits(d, csv);
    expect(report.imported).toBe(2);
    expect(d.units.units.get('qingzhou')?.name).toBe('青州市人民政府,东城');
    // One field with a line break in it: the row starting on line 3 is refused for the control
    // character, and line 5 after it is read as its own row.
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]).toMatchObject({ line: 3, id: 'shouguang' });
    expect(report.rejected[0]?.reason).toContain('控制字符');
    expect(d.units.units.get('fgw')?.contacts[0]?.name).toBe('王芳');
  });

  it('refuses a name with a control character on its line and imports the rest', async () => {
    const d = deps();
    const report = await importUnits(
      d,
      'id,name,class\nanqiu,安丘市\u0085人民政府,county\nlinqu,临朐县\u0007人民政府,county\nzhucheng,诸城市人民政府,county\n',
    );
    expect(report.imported).toBe(1);
    expect(report.rejected.map((row) => row.line)).toEqual([2, 3]);
    expect(report.rejected.map((row) => row.reason).join()).toContain('U+0085');
    expect([...d.units.units.keys()]).toEqual(['zhucheng']);
  });

  it.each([
    ['a unit name', 'gaomi,机密★一年 高密市人民政府,county'],
    ['a contact', 'gaomi,高密市人民政府,county,绝\u200B密,0536-1234567,a@example.gov.cn'],
    ['a line that does not parse', 'gaomi,"【機密】高密市,county'],
  ])(
    'refuses the whole file when %s carries a secrecy marker, naming the line; stores nothing',
    async (_, row) => {
      const d = deps();
      const csv = ['id,name,class,信息员,电话,邮箱', 'qingzhou,青州市人民政府,county,,,', row, ''].join('\n');
      const refused = importUnits(d, csv);
      await expect(refused).rejects.toMatchObject({ status: 422, code: 'SECRECY_REFUSED' });
      await expect(refused).rejects.toThrow(/第 3 行含有涉密标志/);
      expect(d.units.units.size).toBe(0);
    },
  );
});
