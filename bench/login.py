"""Log in to a running dangvu server over HTTP and print the Cookie header value for wrk.

    python bench/login.py --base http://127.0.0.1:8765 --username admin --password admin [--check PATH ...]

Goes through the real login form (GET for the CSRF cookie, POST username/password/csrfmiddlewaretoken),
then checks that every --check path answers 200 with the member list or tree (not the login page), so
that a load run can never silently measure redirects. Standard library only.
"""

import argparse
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--username", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--check", action="append", default=[], help="path that must answer 200 once logged in")
    args = parser.parse_args()

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    login_url = f"{args.base}/accounts/login/"
    with opener.open(login_url, timeout=30) as response:
        page = response.read().decode()
    cookies = {c.name: c.value for c in jar}
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if "csrftoken" not in cookies or not match:
        sys.exit("login page gave no CSRF cookie or token")
    form = urllib.parse.urlencode(
        {"username": args.username, "password": args.password, "csrfmiddlewaretoken": match.group(1), "next": "/"}
    ).encode()
    request = urllib.request.Request(login_url, data=form, headers={"Referer": login_url})
    try:
        opener.open(request, timeout=30)
        sys.exit("login did not redirect: wrong username or password?")
    except urllib.error.HTTPError as error:
        if error.code != 302:
            sys.exit(f"login answered {error.code}")
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        sys.exit("no session cookie after login")
    header = f"sessionid={cookies['sessionid']}; csrftoken={cookies['csrftoken']}"

    for path in args.check:
        check = urllib.request.Request(f"{args.base}{path}", headers={"Cookie": header})
        try:
            with urllib.request.build_opener(NoRedirect()).open(check, timeout=60) as response:
                body = response.read().decode()
        except urllib.error.HTTPError as error:
            sys.exit(f"{path} answered {error.code} when logged in")
        if 'name="password"' in body:
            sys.exit(f"{path} showed the login page when logged in")
    print(header)


if __name__ == "__main__":
    main()
