# Whole-site quality gates, run by ctest with the label "browser" (skip them with
# `ctest -LE browser`). They need what scripts/setup-tests.sh installs: Debian's chromium,
# poppler-utils, weasyprint, Java, and `npm ci` in tests/browser/.
#
# site_build builds the seed site once into a fresh folder (a ctest fixture); the gates
# read it. Each gate also has a self-test on planted faults (tests/browser/fixtures/) that
# passes only when the gate fails and names every fault, so a gate cannot pass by
# having silently stopped looking.

set(PLANC_GATES_DIR ${CMAKE_SOURCE_DIR}/tests/browser)
set(PLANC_GATES_SITE ${CMAKE_BINARY_DIR}/browser/site)
set(PLANC_GATES_BAD ${PLANC_GATES_DIR}/fixtures/bad-site)

find_program(PLANC_NODE node)
find_program(PLANC_BASH bash)
if(NOT PLANC_NODE)
  set(PLANC_NODE node)
  message(STATUS "browser gates: node not found; run scripts/setup-tests.sh")
endif()
if(NOT EXISTS ${PLANC_GATES_DIR}/node_modules/playwright-core)
  message(STATUS "browser gates: tests/browser/node_modules missing; run scripts/setup-tests.sh")
endif()

# A fresh site, built once for the gates that read it. A build of the seeds takes seconds:
# one still running after 90 s is stuck, and is stopped before it eats the machine.
add_test(NAME site_build
  COMMAND ${PLANC_BASH} -c "rm -rf \"$1\"; timeout -k 5 90 \"$0\" build \"$2\" --out \"$1\"; s=$?; \
[ $s -eq 124 ] && echo \"FAIL  planc build took over 90 s: stopped\"; exit $s"
          $<TARGET_FILE:planc> ${PLANC_GATES_SITE} ${CMAKE_SOURCE_DIR})
set_tests_properties(site_build PROPERTIES FIXTURES_SETUP planc_site TIMEOUT 180 LABELS browser)

# Two builds of the seeds, byte for byte the same.
add_test(NAME site_build_deterministic
  COMMAND ${PLANC_BASH} ${PLANC_GATES_DIR}/deterministic.sh
          $<TARGET_FILE:planc> ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/browser/deterministic)
set_tests_properties(site_build_deterministic PROPERTIES TIMEOUT 300 LABELS browser)

# axe-core, WCAG 2.2 A and AA, on every page; no request leaves the machine.
add_test(NAME site_accessibility_axe
  COMMAND ${PLANC_NODE} ${PLANC_GATES_DIR}/axe.mjs ${PLANC_GATES_SITE})
set_tests_properties(site_accessibility_axe PROPERTIES
  FIXTURES_REQUIRED planc_site TIMEOUT 600 LABELS browser)

# The Nu Html Checker on every HTML file.
add_test(NAME site_html_valid_vnu
  COMMAND ${PLANC_NODE} ${PLANC_GATES_DIR}/vnu.mjs ${PLANC_GATES_SITE})
set_tests_properties(site_html_valid_vnu PROPERTIES
  FIXTURES_REQUIRED planc_site TIMEOUT 300 LABELS browser)

# Each plan's leaflet.pdf: at most two pages, with the vision and every priority title,
# and no link to a file: URL.
add_test(NAME leaflet_pdf_pages
  COMMAND ${PLANC_NODE} ${PLANC_GATES_DIR}/leaflet.mjs ${PLANC_GATES_SITE})
set_tests_properties(leaflet_pdf_pages PROPERTIES
  FIXTURES_REQUIRED planc_site SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS browser)

# Search used for real: search/index.html?q=burglary from file:// and from a local
# server of the built site, typing into the form, the page without its index, and the
# same search on `planc serve` of the seeds.
add_test(NAME site_search
  COMMAND ${PLANC_NODE} ${PLANC_GATES_DIR}/search.mjs ${PLANC_GATES_SITE}
          --planc $<TARGET_FILE:planc> --project ${CMAKE_SOURCE_DIR})
set_tests_properties(site_search PROPERTIES
  FIXTURES_REQUIRED planc_site TIMEOUT 180 LABELS browser)

# Self-tests: each gate must fail on the planted faults and name them.
set(PLANC_EXPECT_FAILURE ${PLANC_BASH} ${PLANC_GATES_DIR}/expect-failure.sh)
add_test(NAME gates_selftest_axe
  COMMAND ${PLANC_EXPECT_FAILURE} "image-alt [critical]" "html-has-lang" "link-name"
          "request to another host blocked: https://example.invalid/" "missing file:"
          "script error:" "axe: 0 passed, 2 failed"
          -- ${PLANC_NODE} ${PLANC_GATES_DIR}/axe.mjs ${PLANC_GATES_BAD})
add_test(NAME gates_selftest_vnu
  COMMAND ${PLANC_EXPECT_FAILURE} "index.html:13:7: error:" "index.html:15:7: error:" "blink"
          "vnu: 1 passed, 1 failed"
          -- ${PLANC_NODE} ${PLANC_GATES_DIR}/vnu.mjs ${PLANC_GATES_BAD})
add_test(NAME gates_selftest_leaflet
  COMMAND ${PLANC_EXPECT_FAILURE} "3 pages (at most 2)" "vision missing:"
          "priority title missing: \"Planted priority missing\"" "to file: URLs"
          "leaflet: 0 passed, 1 failed"
          -- ${PLANC_NODE} ${PLANC_GATES_DIR}/leaflet.mjs ${PLANC_GATES_BAD})
add_test(NAME gates_selftest_deterministic
  COMMAND ${PLANC_EXPECT_FAILURE} "the two builds wrote different files" "index.html differs"
          -- ${PLANC_BASH} ${PLANC_GATES_DIR}/deterministic.sh
             ${PLANC_GATES_DIR}/fixtures/nondeterministic-planc.sh ${CMAKE_SOURCE_DIR}
             ${CMAKE_BINARY_DIR}/browser/deterministic-selftest)
# A word no plan has: the search gate must say it found nothing.
add_test(NAME gates_selftest_search
  COMMAND ${PLANC_EXPECT_FAILURE} "FAIL  file://  search/index.html?q=zzplanted"
          "FAIL  served   search/index.html?q=zzplanted" "no results for"
          -- ${PLANC_NODE} ${PLANC_GATES_DIR}/search.mjs ${PLANC_GATES_SITE} --query zzplanted)
set_tests_properties(gates_selftest_search PROPERTIES
  FIXTURES_REQUIRED planc_site TIMEOUT 120 LABELS browser)
set_tests_properties(gates_selftest_axe gates_selftest_vnu gates_selftest_leaflet
                     gates_selftest_deterministic PROPERTIES TIMEOUT 120 LABELS browser)
