"""Admin sign-in protection: a second factor (TOTP), lock-out after failed sign-ins and
the admin's Content-Security-Policy."""
