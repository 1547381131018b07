// wb info [--format table|json]: the datasets held, with their provenance, years and coverage.
import { listDatasets } from '../../db/repos/datasets';
import { listRegions } from '../../db/repos/regions';
import { oneOf, parse } from '../args';
import { openForCli } from '../database';
import { EXIT, type CliIO } from '../io';
import { renderJson, renderTable } from '../output';

export const infoHelp = `wb info [--format table|json]
  List the datasets in the database with their provenance, years and number of regions.`;

export function infoCommand(argv: string[], io: CliIO, dbOption: string | undefined): number {
  const { values } = parse(argv, { format: { type: 'string' } });
  const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
  const { db, file } = openForCli(dbOption, io);
  try {
    const datasets = listDatasets(db);
    const regions = listRegions(db);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (format === 'json') {
      io.out(renderJson({ database: file, schemaVersion, regions: { total: regions.length, provinces: regions.filter((r) => r.level === 'province').length, prefectures: regions.filter((r) => r.level === 'prefecture').length, counties: regions.filter((r) => r.level === 'county').length }, datasets }));
      return EXIT.ok;
    }
    io.out(`database ${file} (schema ${schemaVersion}); regions: ${regions.length} (${regions.filter((r) => r.level === 'province').length} provinces, ${regions.filter((r) => r.level === 'prefecture').length} prefectures, ${regions.filter((r) => r.level === 'county').length} counties)\n\n`);
    io.out(
      renderTable(
        ['id', 'name', 'kind', 'years', 'regions', 'rows', 'unit', 'basis', 'scope', 'stage', 'source', 'sha256', 'imported at'],
        datasets.map((d) => [
          d.id,
          d.name + (d.synthetic ? ' [synthetic]' : ''),
          d.kind,
          d.firstYear === null ? null : `${d.firstYear}–${d.lastYear}`,
          d.regionCount,
          d.rowCount,
          d.unit,
          d.basis,
          d.scope,
          d.releaseStage,
          d.sourceFileName + (d.sheet ? ` [${d.sheet}]` : ''),
          d.sha256.slice(0, 12),
          d.importedAt,
        ]),
        [true, false, false, false, true, true],
      ),
    );
    return EXIT.ok;
  } finally {
    db.close();
  }
}
