-- wrk: POST the reference experiment's 34-byte JSON body (used by scripts/auth-overhead)
wrk.method = "POST"
wrk.body = '{"data":"0123456789abcdef0123456"}'
wrk.headers["Content-Type"] = "application/json"
