int gUnrelated = 1;
