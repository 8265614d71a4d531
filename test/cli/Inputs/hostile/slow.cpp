// Takes the compiler minutes: a constant-evaluated loop of 2^31 steps (with
// -fconstexpr-steps raised so clang does not stop it early).
constexpr unsigned long spin() {
  unsigned long Sum = 0;
  for (unsigned long I = 0; I < 2000000000ul; ++I)
    Sum += I;
  return Sum;
}
constexpr unsigned long kSpun = spin();
