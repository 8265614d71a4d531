// case: std::unordered_map<int,int> of 16
#include <unordered_map>
std::unordered_map<int, int> g = {{1, 0}, {8, 1}, {15, 2}, {22, 3}, {29, 4}, {36, 5}, {43, 6}, {50, 7}, {57, 8}, {64, 9}, {71, 10}, {78, 11}, {85, 12}, {92, 13}, {99, 14}, {106, 15}};
