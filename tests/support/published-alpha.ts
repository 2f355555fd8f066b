/**
 * A published worked example: "Survey reliability", thinkdeeply.cc (https://thinkdeeply.cc/posts/survey-reliability,
 * CC BY 4.0) — ten people answering four Likert items X1…X4 (1–5). The post reports the covariance
 * matrix (variances 0.6778, 0.989, 0.6222, 1.344; mean covariance 0.309, mean variance 0.908) and
 * α = 4·0.309 / (0.908 + 3·0.309) = 0.674, confirmed there with R (ltm::cronbach.alpha: "alpha: 0.674").
 * Item variances Σ 32.7/9, the totals' variance 66.1/9.
 */
export const publishedAlphaExample: readonly (readonly number[])[] = [
	[3, 3, 3, 3],
	[3, 3, 4, 3],
	[3, 3, 3, 1],
	[5, 4, 4, 5],
	[2, 1, 4, 4],
	[4, 4, 4, 5],
	[3, 2, 3, 3],
	[3, 4, 3, 3],
	[4, 2, 2, 3],
	[3, 3, 2, 3]
];
