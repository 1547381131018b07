// The cell of the compliance matrix a user has chosen (a region in a year): a leaf module shared by
// the view and the panels it shows (matrix, failure list, drill-down), so none imports the view.
export type Cell = { regionCode: string; year: number };
