"""The Learning Centre's admin views: the Reviews due report and the reviewer's
dashboard panel."""
