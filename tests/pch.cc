// Compiles tests/CMakeLists.txt's precompiled header (vigil_test_pch), which
// every test binary reuses; the object itself is not linked anywhere.
