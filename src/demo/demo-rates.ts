/**
 * Rates in kopecks per unit of the service's measure. One table for both the tariff catalogue and the
 * receipt lines, so a receipt's tariff column always matches the published tariff.
 */
export const RATE = {
  sod: 3245,
  hvs: 4137,
  gvs_tn: 4137,
  gvs_te: 268542,
  vo: 3284,
  otop: 268542,
  el: 512,
  elDay: 589,
  elNight: 318,
  tko: 13856,
  kapr: 1295,
  domofon: 6500,
  antenna: 11000,
  video: 9000,
  hvs_soi: 4137,
  gvs_soi: 4137,
  el_soi: 512,
  vo_soi: 3284,
  lift: 485,
  uborka: 320,
} as const;
