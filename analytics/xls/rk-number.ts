/**
 * An RK number ([MS-XLS] RkNumber): a number packed in 32 bits, as RK and MULRK cells store
 * them. The low two bits say whether the rest is a 30-bit integer or the high 30 bits of a
 * double, and whether the value was multiplied by 100 to fit.
 */
const SCRATCH = new DataView(new ArrayBuffer(8));

export function rkNumber(rk: number): number {
  const divided = (rk & 0x01) !== 0;
  let value: number;
  if ((rk & 0x02) !== 0) {
    value = rk >> 2; // signed: the shift keeps the sign bit
  } else {
    SCRATCH.setUint32(0, 0, true);
    SCRATCH.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    value = SCRATCH.getFloat64(0, true);
  }
  return divided ? value / 100 : value;
}
