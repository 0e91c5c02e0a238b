/* A stand-in for Windows' bcryptprimitives.dll, for running amicus.exe under wine 8 only
 * (scripts/release-check-windows.sh): wine 8 lacks that DLL, whose one function Rust's standard
 * library asks for random bytes, ProcessPrng. This gives them from RtlGenRandom (advapi32's
 * SystemFunction036), which wine has. Never shipped: real Windows (10 and later) has the DLL. */
#include <windows.h>

typedef BOOLEAN(WINAPI *rtl_gen_random)(PVOID, ULONG);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    static rtl_gen_random gen;
    if (!gen) {
        HMODULE advapi = LoadLibraryA("advapi32.dll");
        if (!advapi) return FALSE;
        gen = (rtl_gen_random)(void *)GetProcAddress(advapi, "SystemFunction036");
        if (!gen) return FALSE;
    }
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!gen(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
