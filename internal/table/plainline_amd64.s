#include "textflag.h"

// keep<> is 16 bytes of 0xff then 16 of 0: the 16 bytes at keep<>+16-k
// keep the first k bytes of a vector.
DATA keep<>+0(SB)/8, $0xffffffffffffffff
DATA keep<>+8(SB)/8, $0xffffffffffffffff
DATA keep<>+16(SB)/8, $0
DATA keep<>+24(SB)/8, $0
GLOBL keep<>(SB), RODATA|NOPTR, $32

// SSE2 only, which every amd64 processor has.

// CONSTS sets the vectors of the bytes looked for, from the separator
// byte in AX: X1 LF, X2 the separator, X3 CR, X4 quote, X5 backslash,
// X6 '!', X11 ones, X9 zero. It uses CX.
#define CONSTS \
	MOVQ    $0x0101010101010101, CX \
	IMULQ   CX, AX \
	MOVQ    AX, X2 \
	PUNPCKLQDQ X2, X2 \
	MOVQ    CX, X11 \
	PUNPCKLQDQ X11, X11 \
	MOVQ    $0x0a0a0a0a0a0a0a0a, AX \
	MOVQ    AX, X1 \
	PUNPCKLQDQ X1, X1 \
	MOVQ    $0x0d0d0d0d0d0d0d0d, AX \
	MOVQ    AX, X3 \
	PUNPCKLQDQ X3, X3 \
	MOVQ    $0x2222222222222222, AX \
	MOVQ    AX, X4 \
	PUNPCKLQDQ X4, X4 \
	MOVQ    $0x5c5c5c5c5c5c5c5c, AX \
	MOVQ    AX, X5 \
	PUNPCKLQDQ X5, X5 \
	MOVQ    $0x2121212121212121, AX \
	MOVQ    AX, X6 \
	PUNPCKLQDQ X6, X6 \
	PXOR    X9, X9

// START reads the arguments s (SI, its length in DX), pos (BX) and sep
// that both functions begin with, and sets CONSTS's vectors.
#define START \
	MOVQ    s_base+0(FP), SI \
	MOVQ    s_len+8(FP), DX \
	MOVQ    pos+16(FP), BX \
	MOVBQZX sep+24(FP), AX \
	CONSTS

// MASKS reads the sixteen bytes at SI+BX and sets the masks of their LFs
// (R10), CRs (R12) and bytes that are not plain (R13: below '!', 0x80
// and above, a quote or a backslash, but for the separator and CR), and
// X8 to the separators' bytes as ones. It uses X0, X7, X10 and R11.
#define MASKS \
	MOVOU   (SI)(BX*1), X0 \
	MOVOU   X0, X7 \
	PCMPEQB X1, X7 \
	PMOVMSKB X7, R10 \
	MOVOU   X0, X8 \
	PCMPEQB X2, X8 \
	PMOVMSKB X8, R11 \
	PAND    X11, X8 \
	MOVOU   X0, X7 \
	PCMPEQB X3, X7 \
	PMOVMSKB X7, R12 \
	MOVOU   X6, X7 \
	PCMPGTB X0, X7 \
	MOVOU   X0, X10 \
	PCMPEQB X4, X10 \
	POR     X10, X7 \
	MOVOU   X0, X10 \
	PCMPEQB X5, X10 \
	POR     X10, X7 \
	PMOVMSKB X7, R13 \
	ORQ     R12, R11 \
	NOTQ    R11 \
	ANDQ    R11, R13

// SUMSEPS sets AX to the separators counted in X12's two sums.
#define SUMSEPS \
	MOVQ    X12, AX \
	PSRLDQ  $8, X12 \
	MOVQ    X12, CX \
	ADDQ    CX, AX

// LINE reads the line that starts at BX, sixteen bytes at a time, R9 being
// 1 when the vector before ended in a CR (0 at the line's start) and X12
// holding the separators counted before it (top, nocr and found name its
// labels). It jumps to FOUND with the
// separators of the line before the LF added to X12 and BX at the LF, to
// BAD when the line is not plain, and to MORE when fewer than sixteen
// bytes are left from BX. It uses CX and R11.
#define LINE(top, nocr, found, FOUND, BAD, MORE) \
top: \
	LEAQ    16(BX), CX \
	CMPQ    CX, DX \
	JHI     MORE \
	MASKS \
	TESTQ   R9, R9 \
	JZ      nocr \
	TESTQ   $1, R10 \
	JZ      BAD \
nocr: \
	TESTQ   R10, R10 \
	JNZ     found \
	TESTQ   R13, R13 \
	JNZ     BAD \
	TESTQ   $0x7fff, R12 \
	JNZ     BAD \
	MOVQ    R12, R9 \
	SHRQ    $15, R9 \
	PSADBW  X9, X8 \
	PADDQ   X8, X12 \
	ADDQ    $16, BX \
	JMP     top \
found: \
	BSFQ    R10, CX \
	MOVQ    $1, R11 \
	SHLQ    CX, R11 \
	DECQ    R11 \
	TESTQ   R11, R13 \
	JNZ     BAD \
	SHRQ    $1, R11 \
	TESTQ   R11, R12 \
	JNZ     BAD \
	LEAQ    keep<>+16(SB), R11 \
	SUBQ    CX, R11 \
	MOVOU   (R11), X10 \
	PAND    X10, X8 \
	PSADBW  X9, X8 \
	PADDQ   X8, X12 \
	ADDQ    CX, BX \
	JMP     FOUND

// func plainEndVec(s string, pos int, sep byte) (at, seps, state int)
TEXT ·plainEndVec(SB), NOSPLIT, $0-56
	START
	PXOR    X12, X12
	XORQ    R9, R9
	LINE(vloop, vnocr, vlf, vfound, vbad, vmore)

vfound:
	MOVQ    BX, at+32(FP)
	MOVQ    $1, state+48(FP)
	SUMSEPS
	MOVQ    AX, seps+40(FP)
	RET

vmore:
	MOVQ    BX, at+32(FP)
	LEAQ    2(R9), AX
	MOVQ    AX, state+48(FP)
	SUMSEPS
	MOVQ    AX, seps+40(FP)
	RET

vbad:
	MOVQ    $0, at+32(FP)
	MOVQ    $0, seps+40(FP)
	MOVQ    $0, state+48(FP)
	RET

// func plainRun(s string, pos int, sep byte, seps int, starts []uint32, most int) (n, next int)
TEXT ·plainRun(SB), NOSPLIT, $0-88
	START
	MOVQ    starts_base+40(FP), DI
	XORQ    R14, R14 // n

rline:
	MOVQ    BX, R8 // the line's start
	CMPQ    R14, starts_len+48(FP)
	JAE     rdone
	CMPQ    BX, DX
	JAE     rdone
	MOVBQZX (SI)(BX*1), CX
	CMPQ    CX, $0x0a
	JEQ     rdone // an empty line
	CMPQ    CX, $0x0d
	JEQ     rdone
	PREFETCHT0 2048(SI)(BX*1) // the text is read too slowly from the L3 cache (a line in 27 ns, not 11, on 1e6 lines)
	PXOR    X12, X12
	XORQ    R9, R9
	LINE(rloop, rnocr, rlf, rfound, rdone, rdone)

rfound:
	SUMSEPS
	CMPQ    AX, seps+32(FP)
	JNE     rdone
	MOVQ    BX, AX
	SUBQ    R8, AX
	CMPQ    AX, most+64(FP)
	JGT     rdone
	MOVL    R8, (DI)(R14*4)
	INCQ    R14
	INCQ    BX // past the LF
	JMP     rline

rdone:
	MOVQ    R14, n+72(FP)
	MOVQ    R8, next+80(FP)
	RET

// func prefetch(s []byte)
TEXT ·prefetch(SB), NOSPLIT, $0-24
	MOVQ    s_base+0(FP), SI
	MOVQ    s_len+8(FP), CX
	ADDQ    SI, CX

ploop:
	CMPQ    SI, CX
	JAE     pdone
	PREFETCHT0 (SI)
	ADDQ    $64, SI
	JMP     ploop

pdone:
	RET
