#if canImport(Glibc)
import Glibc
#endif

// Writing to a closed pipe (`smarketing export … | head`) must end quietly, not with a signal.
signal(SIGPIPE, SIG_IGN)
exit(CommandLine.run())
