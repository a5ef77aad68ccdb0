//! Where a company is: Guangdong's 21 prefecture-level cities and the Hengqin cooperation zone,
//! the units the fund rules are addressed to.

use crate::lang::Lang;
use serde::Serialize;

macro_rules! cities {
    ($($variant:ident $id:literal $zh:literal $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum City {
            $(#[serde(rename = $id)] $variant,)*
        }

        impl City {
            pub const ALL: &'static [City] = &[$(City::$variant),*];

            /// The identifier used in profile files and in the rule data.
            pub fn id(self) -> &'static str {
                match self { $(City::$variant => $id,)* }
            }

            pub fn name(self, lang: Lang) -> &'static str {
                match self { $(City::$variant => lang.pick($zh, $en),)* }
            }
        }
    };
}

cities! {
    Guangzhou "guangzhou" "广州市" "Guangzhou";
    Shenzhen "shenzhen" "深圳市" "Shenzhen";
    Zhuhai "zhuhai" "珠海市" "Zhuhai";
    Shantou "shantou" "汕头市" "Shantou";
    Foshan "foshan" "佛山市" "Foshan";
    Shaoguan "shaoguan" "韶关市" "Shaoguan";
    Heyuan "heyuan" "河源市" "Heyuan";
    Meizhou "meizhou" "梅州市" "Meizhou";
    Huizhou "huizhou" "惠州市" "Huizhou";
    Shanwei "shanwei" "汕尾市" "Shanwei";
    Dongguan "dongguan" "东莞市" "Dongguan";
    Zhongshan "zhongshan" "中山市" "Zhongshan";
    Jiangmen "jiangmen" "江门市" "Jiangmen";
    Yangjiang "yangjiang" "阳江市" "Yangjiang";
    Zhanjiang "zhanjiang" "湛江市" "Zhanjiang";
    Maoming "maoming" "茂名市" "Maoming";
    Zhaoqing "zhaoqing" "肇庆市" "Zhaoqing";
    Qingyuan "qingyuan" "清远市" "Qingyuan";
    Chaozhou "chaozhou" "潮州市" "Chaozhou";
    Jieyang "jieyang" "揭阳市" "Jieyang";
    Yunfu "yunfu" "云浮市" "Yunfu";
    Hengqin "hengqin" "横琴粤澳深度合作区" "Hengqin Guangdong-Macao Cooperation Zone";
}

impl City {
    pub fn from_id(id: &str) -> Option<City> {
        City::ALL.iter().copied().find(|c| c.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_one_cities_and_hengqin() {
        assert_eq!(City::ALL.len(), 22);
        for city in City::ALL {
            assert_eq!(City::from_id(city.id()), Some(*city));
        }
        assert_eq!(City::from_id("hongkong"), None);
    }
}
