# MOAT_CHECK_CFLAG(FLAG, ACTION-IF-OK, ACTION-IF-NOT)
# ---------------------------------------------------
# Runs ACTION-IF-OK when the C compiler accepts FLAG (as an error, not a
# warning, so an unknown flag is not taken for a known one).
AC_DEFUN([MOAT_CHECK_CFLAG], [
  AS_VAR_PUSHDEF([moat_var], [moat_cv_cflag_$1])
  AC_CACHE_CHECK([whether $CC accepts $1], [moat_var], [
    moat_saved_CFLAGS=$CFLAGS
    CFLAGS="$CFLAGS -Werror $1"
    AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
      [AS_VAR_SET([moat_var], [yes])], [AS_VAR_SET([moat_var], [no])])
    CFLAGS=$moat_saved_CFLAGS])
  AS_VAR_IF([moat_var], [yes], [$2], [$3])
  AS_VAR_POPDEF([moat_var])
])
