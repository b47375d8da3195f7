"""Learning Centre admin views: the reviews-due report and the reviewer's dashboard panel."""
