import sys

from corroborate.cli import main

sys.exit(main())
