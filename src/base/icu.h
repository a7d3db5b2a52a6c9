/* icu.h — one place that releases ICU objects and data at exit. */
#ifndef TIPR_ICU_H
#define TIPR_ICU_H

/* Registers fn to run (once) from icu_cleanup(); modules use it for the ICU
 * objects they cache (collators, break iterators). */
void icu_on_cleanup(void (*fn)(void));
/* Runs the registered functions and u_cleanup(), so leak checkers see a clean
 * process.  ICU may be used again afterwards (modules re-open lazily). */
void icu_cleanup(void);

#endif
