"""Suite-wide settings.

Heavy analyses (validation curves) run in the script run under test, so that one
``AppTest.run()`` sees a finished page; tests/pages/test_deferred.py covers the background path
and every browser test runs a real server, which defers (tests/e2e/kit.py drops the variable).
"""

import os

os.environ["DLP_DEFERRED"] = "sync"
