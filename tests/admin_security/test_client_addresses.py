"""Which client a failed sign-in counts against: the address a trusted proxy saw, and one
client for every address in an IPv6 /64."""

import pytest

from django.test import Client

from clinic_site.admin_security.client_ip import client_ip
from tests.helpers.sign_in import LOGIN_URL, sign_in, text_of


def test_behind_a_proxy_each_client_address_counts_on_its_own(settings, clock, editor):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    attacker = Client(REMOTE_ADDR=proxy)
    for n in range(5):
        # Whatever the attacker writes into X-Forwarded-For, the proxy appends the real address.
        sign_in(attacker, password="wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.5")
    assert sign_in(attacker, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429

    colleague = Client(REMOTE_ADDR=proxy)
    assert sign_in(colleague, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 302


@pytest.mark.parametrize(
    ("remote_addr", "counted_as"),
    [
        ("192.0.2.17", "192.0.2.17"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::"),
        ("2001:DB8:1:2::9", "2001:db8:1:2::"),
        ("2001:db8:1:3::9", "2001:db8:1:3::"),
        ("::ffff:192.0.2.17", "192.0.2.17"),
    ],
)
def test_an_ipv6_64_is_one_client_and_ipv4_one_address(rf, remote_addr, counted_as):
    assert client_ip(rf.post(LOGIN_URL, REMOTE_ADDR=remote_addr)) == counted_as


def test_behind_a_proxy_an_ipv6_client_is_its_64_too(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.post(
        LOGIN_URL, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="2001:db8:5:6:7:8:9:a"
    )
    assert client_ip(request) == "2001:db8:5:6::"


def test_addresses_in_one_ipv6_64_share_the_lock_out_and_other_64s_do_not(clock, editor):
    for n in range(1, 6):
        # A client may give every request a new address from its own /64.
        sign_in(Client(REMOTE_ADDR=f"2001:db8:1:2::{n:x}"), password="not-the-password")
    assert sign_in(Client(REMOTE_ADDR="2001:db8:1:2:ffff:ffff:ffff:ffff")).status_code == 429
    assert sign_in(Client(REMOTE_ADDR="2001:db8:1:3::1")).status_code == 302


def test_an_ipv4_mapped_address_counts_as_the_ipv4_address(clock, editor):
    for _ in range(5):
        sign_in(Client(REMOTE_ADDR="::ffff:192.0.2.17"), password="not-the-password")
    assert sign_in(Client(REMOTE_ADDR="192.0.2.17")).status_code == 429
    assert sign_in(Client(REMOTE_ADDR="192.0.2.18")).status_code == 302


def test_the_address_wide_cap_counts_a_whole_ipv6_64(clock, editor, settings):
    for n in range(1, settings.ADMIN_ADDRESS_FAILURE_LIMIT + 1):
        sign_in(Client(REMOTE_ADDR=f"2001:db8:7:8::{n:x}"), username=f"staff-{n}", password="x")
    capped = sign_in(Client(REMOTE_ADDR="2001:db8:7:8::ffff"))
    assert capped.status_code == 429
    assert "Too many sign-in attempts from your network" in text_of(capped)
    assert sign_in(Client(REMOTE_ADDR="2001:db8:7:9::1")).status_code == 302
