"""Parse an SPDX 2.x JSON document with the SPDX project's spdx-tools (PyPI) and validate it
against the specification of the version it declares; print the messages as a JSON list
([] = valid). Exit 2 when the file cannot even be parsed. Used by test/e2e/sbom-contents.test.ts."""
import json
import sys

from spdx_tools.spdx.parser.error import SPDXParsingError
from spdx_tools.spdx.parser.parse_anything import parse_file
from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document

try:
    document = parse_file(sys.argv[1])
except SPDXParsingError as e:
    print(json.dumps([str(m) for m in e.get_messages()]))
    sys.exit(2)
messages = validate_full_spdx_document(document)
print(json.dumps([m.validation_message for m in messages]))
