"""The admin's own Content-Security-Policy, looser than the patients' strict one."""

from tests.helpers.sign_in import LOGIN_URL, VERIFY_URL, sign_in


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_admin_pages_carry_the_admin_policy(admin_client, client):
    for response in [admin_client.get("/admin/"), client.get(LOGIN_URL)]:
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_the_code_pages_carry_the_admin_policy(two_factor, clock, client, editor_with_app):
    sign_in(client)
    policy = directives(client.get(VERIFY_URL)["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]


def test_patient_pages_keep_the_strict_policy(client, clinic):
    policy = directives(client.get(clinic.home.url)["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
