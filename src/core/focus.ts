/** What an improvement focuses on: IDs of failed workflow metrics and critical categories; empty lists mean no filter. */
export interface Focus {
	workflow_metric_ids: number[];
	category_ids: number[];
}
