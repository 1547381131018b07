// The years a transfer scenario can be run for: those with enrolment data and a year before them
// with enrolment too (the simulator compares each year with the one before), oldest first.
import type Database from 'better-sqlite3';

export function simulationYears(db: Database.Database): number[] {
  return (db.prepare('SELECT DISTINCT year FROM enrolment_fact ORDER BY year').pluck().all() as number[]).slice(1);
}
