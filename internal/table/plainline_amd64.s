#include "textflag.h"

// keep<> is 16 bytes of 0xff then 16 of 0: the 16 bytes at keep<>+16-k
// keep the first k bytes of a vector.
DATA keep<>+0(SB)/8, $0xffffffffffffffff
DATA keep<>+8(SB)/8, $0xffffffffffffffff
DATA keep<>+16(SB)/8, $0
DATA keep<>+24(SB)/8, $0
GLOBL keep<>(SB), RODATA|NOPTR, $32

// func plainEndVec(s string, pos int, sep byte) (at, seps, state int)
//
// SSE2 only, which every amd64 processor has.
TEXT ·plainEndVec(SB), NOSPLIT, $0-56
	MOVQ    s_base+0(FP), SI
	MOVQ    s_len+8(FP), DX
	MOVQ    pos+16(FP), BX
	MOVBQZX sep+24(FP), AX
	MOVQ    $0x0101010101010101, CX
	IMULQ   CX, AX
	MOVQ    AX, X2
	PUNPCKLQDQ X2, X2 // sep
	MOVQ    CX, X11
	PUNPCKLQDQ X11, X11 // ones
	MOVQ    $0x0a0a0a0a0a0a0a0a, AX
	MOVQ    AX, X1
	PUNPCKLQDQ X1, X1 // LF
	MOVQ    $0x0d0d0d0d0d0d0d0d, AX
	MOVQ    AX, X3
	PUNPCKLQDQ X3, X3 // CR
	MOVQ    $0x2222222222222222, AX
	MOVQ    AX, X4
	PUNPCKLQDQ X4, X4 // quote
	MOVQ    $0x5c5c5c5c5c5c5c5c, AX
	MOVQ    AX, X5
	PUNPCKLQDQ X5, X5 // backslash
	MOVQ    $0x2121212121212121, AX
	MOVQ    AX, X6
	PUNPCKLQDQ X6, X6 // '!'
	PXOR    X9, X9    // zero
	PXOR    X12, X12  // the seps counted, in two sums
	XORQ    R9, R9    // 1 when the last vector ended in a CR

loop:
	LEAQ    16(BX), CX
	CMPQ    CX, DX
	JHI     more
	MOVOU   (SI)(BX*1), X0
	MOVOU   X0, X7
	PCMPEQB X1, X7
	PMOVMSKB X7, R10 // LF
	MOVOU   X0, X8
	PCMPEQB X2, X8   // sep, kept for the count
	PMOVMSKB X8, R11
	MOVOU   X0, X7
	PCMPEQB X3, X7
	PMOVMSKB X7, R12 // CR
	MOVOU   X6, X7
	PCMPGTB X0, X7   // below '!', or 0x80 and above (as signed bytes)
	MOVOU   X0, X10
	PCMPEQB X4, X10
	POR     X10, X7
	MOVOU   X0, X10
	PCMPEQB X5, X10
	POR     X10, X7
	PMOVMSKB X7, R13
	MOVQ    R11, R14
	ORQ     R12, R14
	NOTQ    R14
	ANDQ    R14, R13 // bad: neither sep nor CR
	TESTQ   R9, R9
	JZ      nocr
	TESTQ   $1, R10
	JZ      bad      // a CR not before the LF

nocr:
	TESTQ   R10, R10
	JNZ     found
	TESTQ   R13, R13
	JNZ     bad
	TESTQ   $0x7fff, R12
	JNZ     bad      // a CR but in the last byte
	MOVQ    R12, R9
	SHRQ    $15, R9
	PAND    X11, X8
	PSADBW  X9, X8
	PADDQ   X8, X12
	ADDQ    $16, BX
	JMP     loop

found:
	BSFQ    R10, CX  // the LF's byte
	MOVQ    $1, R14
	SHLQ    CX, R14
	DECQ    R14      // the bytes before it
	TESTQ   R14, R13
	JNZ     bad
	SHRQ    $1, R14  // the bytes before the one before it
	TESTQ   R14, R12
	JNZ     bad
	LEAQ    keep<>+16(SB), R14
	SUBQ    CX, R14
	MOVOU   (R14), X10
	PAND    X10, X8
	PAND    X11, X8
	PSADBW  X9, X8
	PADDQ   X8, X12
	ADDQ    CX, BX
	MOVQ    BX, at+32(FP)
	MOVQ    $1, state+48(FP)
	JMP     sum

more:
	MOVQ    BX, at+32(FP)
	LEAQ    2(R9), AX
	MOVQ    AX, state+48(FP)

sum:
	MOVQ    X12, AX
	PSRLDQ  $8, X12
	MOVQ    X12, CX
	ADDQ    CX, AX
	MOVQ    AX, seps+40(FP)
	RET

bad:
	MOVQ    $0, at+32(FP)
	MOVQ    $0, seps+40(FP)
	MOVQ    $0, state+48(FP)
	RET
