#include <stdio.h>
#include <stdint.h>
static uint64_t x; static uint64_t sm(void){uint64_t z=(x+=0x9e3779b97f4a7c15ULL);z=(z^(z>>30))*0xbf58476d1ce4e5b9ULL;z=(z^(z>>27))*0x94d049bb133111ebULL;return z^(z>>31);}
static uint64_t s[4]; static inline uint64_t rotl(const uint64_t v,int k){return (v<<k)|(v>>(64-k));}
uint64_t next(void){const uint64_t result=rotl(s[1]*5,7)*9;const uint64_t t=s[1]<<17;s[2]^=s[0];s[3]^=s[1];s[1]^=s[2];s[0]^=s[3];s[2]^=t;s[3]=rotl(s[3],45);return result;}
int main(){ uint64_t seeds[2]={20230401ULL,0ULL}; for(int k=0;k<2;k++){x=seeds[k]; for(int i=0;i<4;i++)s[i]=sm(); printf("seed %llu\n",(unsigned long long)seeds[k]); for(int i=0;i<6;i++)printf("0x%016llx,\n",(unsigned long long)next());}
 /* stream 1 of 20230401: skip 4 outputs */ x=20230401ULL; for(int i=0;i<4;i++)sm(); for(int i=0;i<4;i++)s[i]=sm(); printf("stream1\n"); for(int i=0;i<3;i++)printf("0x%016llx,\n",(unsigned long long)next()); }
