/* fuzz-target.h: the one function every libFuzzer target defines (and replay.c calls). */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
