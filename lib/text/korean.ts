/**
 * Korean particles: a noun alias marked `inflects` matches the noun followed
 * by any one of these written together with it (북한의, 김정은과, 평양에서는).
 * A closed list rather than "anything after the noun", so that compounds stay
 * out: 북한군 (the North Korean army), 북한산, 북한이탈주민 are not 북한.
 * 인 is left out on purpose: 북한인 and 러시아인 are nouns (a North Korean, a
 * Russian), not 북한 + copula.
 */
export const KOREAN_PARTICLES: readonly string[] = [
  '',
  // case and topic particles
  ...'이 가 은 는 을 를 의 에 와 과 도 로 만 랑 께 서 나 엔 에서 에게 한테 께서 으로 까지 부터 처럼 보다 이나 이랑 하고 마저 조차 만큼 같이 에는 에도 에의 에선 에겐 로서 로써 이며 이고 이자 이란 이라 이다 이여'.split(
    ' ',
  ),
  // combinations
  ...'과의 와의 과는 와는 과도 와도 로는 로도 로의 만은 만의 만을 만이 께는 에서는 에서도 에서의 에서만 에게는 에게도 에게서 으로는 으로도 으로의 으로서 으로써 까지는 까지도 까지의 부터는 부터도 보다는 보다도 처럼은 한테는 한테서 로부터 이라는 이라고 이라며 이었다 이었던 였다 였던 으로부터 에서부터 에게서는'.split(
    ' ',
  ),
];
