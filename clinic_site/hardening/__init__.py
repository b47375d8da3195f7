"""How the site holds up against failure and hostile input: a 503 page while the
database is down, image uploads that must decode completely, and uploaded files served
without exposing private documents. Infrastructure: imports neither app's models."""
