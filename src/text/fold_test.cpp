#include "text/fold.h"

#include <gtest/gtest.h>

namespace sen::text {
namespace {

struct FoldCase {
  const char* input;
  const char* folded;
};

class FoldTest : public ::testing::TestWithParam<FoldCase> {};

TEST_P(FoldTest, FoldsToTheSameComparableForm) {
  EXPECT_EQ(Fold(GetParam().input), GetParam().folded) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    VietnameseNames, FoldTest,
    ::testing::Values(
        FoldCase{"Nguyễn Văn Đức", "nguyen van duc"}, FoldCase{"NGUYEN VAN DUC", "nguyen van duc"},
        // The same name typed with combining marks (NFD), as macOS and some IMEs produce.
        FoldCase{"Nguye\xcc\x82\xcc\x83n Va\xcc\x86n \xc4\x90u\xcc\x9b\xcc\x81\x63", "nguyen van duc"},
        FoldCase{"NGUYỄN VĂN ĐỨC", "nguyen van duc"}, FoldCase{"  Trần   Thị  Hồng  ", "tran thi hong"},
        FoldCase{"Lê Hoàng Yến", "le hoang yen"}, FoldCase{"Phạm Quỳnh Anh", "pham quynh anh"},
        FoldCase{"Đặng Thuỳ Dương", "dang thuy duong"}, FoldCase{"Đặng Thùy Dương", "dang thuy duong"},
        FoldCase{"Vũ Đình Trọng", "vu dinh trong"}, FoldCase{"Huỳnh Ngọc Ánh", "huynh ngoc anh"},
        FoldCase{"Bùi Thị Thu Hà", "bui thi thu ha"}, FoldCase{"Ngô Bảo Châu", "ngo bao chau"},
        FoldCase{"Dương Ưng Ơn", "duong ung on"}, FoldCase{"đ", "d"}, FoldCase{"Đ", "d"},
        FoldCase{"Công ty TNHH Hòa Bình", "cong ty tnhh hoa binh"},
        FoldCase{"Trường Đại học Bách khoa", "truong dai hoc bach khoa"},
        FoldCase{"John\tSmith\n", "john smith"}, FoldCase{"", ""}, FoldCase{"   ", ""},
        FoldCase{"Ánh\u00a0Dương", "anh duong"}, FoldCase{"Müller Ñoño", "muller nono"},
        FoldCase{"Tạ Quang Bửu", "ta quang buu"}, FoldCase{"Mạc Thị Bưởi", "mac thi buoi"},
        FoldCase{"Hồ Xuân Hương", "ho xuan huong"}, FoldCase{"Lý Thường Kiệt", "ly thuong kiet"},
        FoldCase{"Kiều Oanh", "kieu oanh"}, FoldCase{"Ông Ích Khiêm", "ong ich khiem"},
        FoldCase{"ABC123", "abc123"}));

TEST(Tidy, ComposesToNfcAndCollapsesSpaces) {
  EXPECT_EQ(Tidy("Nguye\xcc\x82\xcc\x83n   Va\xcc\x86n"), "Nguyễn Văn");
  EXPECT_EQ(Tidy("  An \t Bình  "), "An Bình");
  EXPECT_EQ(Tidy("plain"), "plain");
}

TEST(Nfc, ComposesAndTrimsButKeepsLineBreaks) {
  EXPECT_EQ(Nfc("  Nguye\xcc\x82\xcc\x83n\n\n  line two  "), "Nguyễn\n\n  line two");
  EXPECT_EQ(Nfc(" \n "), "");
}

TEST(IsValidUtf8, RejectsBrokenSequences) {
  EXPECT_TRUE(IsValidUtf8("Nguyễn"));
  EXPECT_FALSE(IsValidUtf8("\xc3"));
  EXPECT_FALSE(IsValidUtf8("\xff\xfe"));
}

}  // namespace
}  // namespace sen::text
